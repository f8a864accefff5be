// The ZIP writer behind the app's downloads: CRC-32 check value, and an
// archive that Python's zipfile reads back byte for byte.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { crc32, zipStored } from '../../src/export/zip.ts';
import { PYTHON, pythonMissing } from './helpers.ts';

describe('zipStored', () => {
  it('has the standard CRC-32 (check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it.skipIf(pythonMissing(['zipfile']) !== undefined)('is read back by Python\'s zipfile', () => {
    const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256);
    const zip = zipStored([{ name: 'nb/한글.ipynb', data: '{"cells": []}' }, { name: 'nb/datasets/data.bin', data: binary }, { name: 'empty.txt', data: '' }]);
    const r = spawnSync(PYTHON, ['-c', 'import sys, zipfile, io, json; z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())); assert z.testzip() is None; print(json.dumps({n: list(z.read(n)) if n.endswith(".bin") else z.read(n).decode() for n in z.namelist()}))'], { input: zip });
    expect(r.stderr.toString()).toBe('');
    const back = JSON.parse(r.stdout.toString());
    expect(Object.keys(back)).toEqual(['nb/한글.ipynb', 'nb/datasets/data.bin', 'empty.txt']);
    expect(back['nb/한글.ipynb']).toBe('{"cells": []}');
    expect(back['nb/datasets/data.bin']).toEqual(Array.from(binary));
    expect(back['empty.txt']).toBe('');
  });
});
