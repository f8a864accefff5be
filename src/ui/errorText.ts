// A thrown error's message in the UI language, for notices and panels: a
// catalogued error (one with a code, also one relayed from the worker,
// requestError.ts) in Korean when the UI is. The Korean catalogue
// (i18n-errors.ts) loads with the first such error, off the first screen.
export async function errorText(error: unknown): Promise<string> {
  if (!(error instanceof Error)) return String(error);
  if (typeof (error as { code?: unknown }).code !== 'string') return error.message;
  return (await import('./i18n-errors.ts')).errorMessage(error);
}
