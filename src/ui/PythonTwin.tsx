// Under a code cell's editor: the author's Python twin of the cell (params.python),
// which "Export as Python notebook" emits instead of a TODO. Closed by default;
// its Python editor (Monaco with the python highlighting) loads only when opened.
import { lazy, Suspense, useState } from 'react';
import { useAuthoringT } from './i18n-authoring.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

export function PythonTwin({ value, onChange, label }: { value: string; onChange: (python: string) => void; label: string }) {
  const t = useAuthoringT();
  const [open, setOpen] = useState(false);
  const lines = value.trim() ? value.trim().split('\n').length : 0;
  return (
    <details className="python-twin" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="python-twin">
      <summary>
        {t('pythonTwin')} <span className="muted">{lines === 0 ? t('pythonTwinNone') : lines === 1 ? t('pythonTwinLine') : t('pythonTwinLines', { n: lines })}</span>
      </summary>
      {open && (
        <>
          <p className="muted python-twin-help">{t('pythonTwinHelp')}</p>
          <Suspense fallback={<pre className="text-output">{value}</pre>}>
            <CodeEditor value={value} language="python" label={`${label} · ${t('pythonTwin')}`} onChange={onChange} />
          </Suspense>
        </>
      )}
    </details>
  );
}
