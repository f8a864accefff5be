// Where endpoints are kept (IndexedDB in the app, memory in the headless
// runner and tests): one record per endpoint name, holding its config
// history and request log. The memory store is the reference.
import { endpointSchema, type Endpoint } from './endpoint.ts';

export interface EndpointStore {
  list(): Promise<Endpoint[]>;
  get(name: string): Promise<Endpoint | undefined>;
  /** Insert or replace by name, validated first (a bad record writes nothing). */
  put(endpoint: Endpoint): Promise<void>;
}

export class MemoryEndpointStore implements EndpointStore {
  private readonly endpoints = new Map<string, Endpoint>();

  async list(): Promise<Endpoint[]> {
    return [...this.endpoints.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((e) => structuredClone(e));
  }

  async get(name: string): Promise<Endpoint | undefined> {
    const e = this.endpoints.get(name);
    return e && structuredClone(e);
  }

  async put(endpoint: Endpoint): Promise<void> {
    const valid = endpointSchema.parse(endpoint);
    this.endpoints.set(valid.name, structuredClone(valid));
  }
}
