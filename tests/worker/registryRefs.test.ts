// A cell that reads a registered model by reference ("registry:name@stage") and finds none gets a
// catalogued reason, said in English by the engine and in Korean by the app.
import { describe, expect, it } from 'vitest';
import { parseRegistryRef, pickVersion } from '../../src/worker/registryRefs.ts';
import type { ModelVersion } from '../../src/lifecycle/registry.ts';
import { checkFromKernel } from '../../src/worker/validate.ts';
import { ERROR_MESSAGES_KO } from '../../src/ui/i18n-errors.ts';
import { fillTemplate, type MessageCode } from '../../src/core/messages.ts';

const version = (v: number, stage: ModelVersion['stage'], modelRef?: string) => ({ name: 'churn', version: v, stage, modelRef }) as unknown as ModelVersion;
const versions = [version(1, 'archived', 'm1'), version(2, 'production', 'm2'), version(3, 'staging')];

function ko(n: { code: MessageCode; params: Record<string, string | number> }): string {
  return fillTemplate(ERROR_MESSAGES_KO[n.code].message, n.params);
}

describe('pickVersion', () => {
  it('finds the version a stage or number points at', () => {
    expect(pickVersion(versions, parseRegistryRef('registry:churn@production')!)).toMatchObject({ version: 2 });
    expect(pickVersion(versions, parseRegistryRef('registry:churn@1')!)).toMatchObject({ version: 1 });
  });

  it('says why there is none, with a code the app says in Korean', () => {
    const none = pickVersion(versions, parseRegistryRef('registry:other@production')!);
    expect(none).toMatchObject({ code: 'registryRef.noModel', message: 'registry:other@production: no registered model is named "other".' });
    const noVersion = pickVersion(versions, parseRegistryRef('registry:churn@7')!);
    expect(noVersion).toMatchObject({ code: 'registryRef.noVersion', message: 'registry:churn@7: "churn" has no version 7 (v1 archived, v2 production, v3 staging).' });
    const noSaved = pickVersion(versions, parseRegistryRef('registry:churn@staging')!);
    expect(noSaved).toMatchObject({ code: 'registryRef.noSavedModel' });
    expect(ko(noSaved as never)).toBe('registry:churn@staging: churn v3에는 저장된 모델이 없어요 (모델을 저장하지 않는 곳에서 등록됐어요).');
    const noStage = pickVersion([version(1, 'none', 'm1')], parseRegistryRef('registry:churn@production')!);
    expect(ko(noStage as never)).toBe('registry:churn@production: "churn"에는 production 단계의 버전이 없어요 (v1 none).');
  });
});

describe('a models notice from the kernel', () => {
  it('keeps its code and text parameters, and is dropped when the parameters are not plain texts or numbers', () => {
    const notice = { kind: 'models', error: 'The model "m" could not be saved: full', code: 'models.notSaved', params: { name: 'm', reason: 'full' } };
    expect(checkFromKernel(notice)).toEqual(notice);
    expect(checkFromKernel({ ...notice, params: { name: { toString: 'x' } } })).toBeUndefined();
    expect(checkFromKernel({ ...notice, code: 7 })).toBeUndefined();
  });
});
