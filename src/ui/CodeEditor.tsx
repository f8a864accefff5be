// The code cell's editor: Monaco once loaded, a plain textarea until then
// (and if it fails to load). Edits flow to onChange either way. JavaScript by
// default; language="python" for a code cell's Python twin (highlighting only).
// The editor is made once its cell comes near the screen, or in the page's
// next idle moment (idleQueue.ts): making the editors of every code cell
// while a Run all had just begun cost ~1 s of the page's main thread.
import { useEffect, useRef, useState } from 'react';
import { useNearOrIdle } from './nearViewport.ts';
import { loadMonaco, loadPython, setWorkbenchValues, type Monaco } from './monaco.ts';
import type { ValueSummary } from '../kernel/state.ts';
import { useT } from './i18n.ts';

type Editor = ReturnType<Monaco['editor']['create']>;

export function CodeEditor({ value, onChange, onRun, label, values, columns, language = 'javascript' }: { value: string; onChange: (v: string) => void; onRun?: (advance: boolean) => void; label: string; values?: readonly ValueSummary[]; columns?: Record<string, readonly string[]>; language?: 'javascript' | 'python' }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef({ onChange, onRun, value });
  latest.current = { onChange, onRun, value };

  const wanted = useNearOrIdle(host);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    (language === 'python' ? loadPython() : loadMonaco()).then(
      (monaco) => {
        if (!live || !host.current) return;
        // Someone typing in the plain textarea keeps typing, in the editor now, with what they typed.
        const typing = document.activeElement === fallback.current;
        const ed = monaco.editor.create(host.current, {
          value: latest.current.value,
          language,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13,
          lineNumbers: 'on',
          tabSize: language === 'python' ? 4 : 2,
          wordWrap: 'on',
          ariaLabel: label,
        });
        const resize = () => {
          if (!host.current) return;
          const h = Math.min(480, Math.max(80, ed.getContentHeight()));
          host.current.style.height = `${h}px`;
          ed.layout();
        };
        ed.onDidContentSizeChange(resize);
        resize();
        ed.onDidChangeModelContent(() => latest.current.onChange(ed.getValue()));
        ed.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => latest.current.onRun?.(true));
        ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun?.(false));
        editor.current = ed;
        setReady(true);
        if (typing) {
          ed.focus();
          const model = ed.getModel();
          if (model) ed.setPosition(model.getPositionAt(fallback.current?.selectionStart ?? model.getValueLength()));
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
      editor.current?.dispose();
      editor.current = null;
    };
    // The editor is created once, when wanted; later value changes are applied below.
  }, [wanted]);

  useEffect(() => {
    const ed = editor.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
  }, [value]);

  // Completion knows the kernel's current values, their types and the tables' columns.
  useEffect(() => {
    if (ready && values) setWorkbenchValues(values, columns);
  }, [ready, values, columns]);

  return (
    <div className="code-editor">
      {!ready && (
        <textarea
          ref={fallback}
          className="input mono code-fallback"
          aria-label={label}
          value={value}
          rows={Math.max(3, value.split('\n').length + 1)}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.shiftKey || e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.stopPropagation();
              onRun?.(e.shiftKey);
            }
          }}
          placeholder={t('loadingEditor')}
        />
      )}
      <div ref={host} className="monaco-host" style={{ display: ready ? 'block' : 'none' }} />
    </div>
  );
}
