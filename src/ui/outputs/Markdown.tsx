// Markdown text (a markdown cell, a markdown output): the plain text until
// it nears the screen and the renderer is in (markdown.ts), then typeset.
// On the first screen: a notebook's markdown cells use it.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { loadMarkdown, loadMath, mathLoaded, type RenderMarkdown } from '../markdown.ts';
import { useNearViewport } from '../nearViewport.ts';

export const Markdown = memo(function Markdown({ text, attachments }: { text: string; attachments?: unknown }) {
  const [render, setRender] = useState<RenderMarkdown | null>(null);
  // KaTeX loads only for text with math; the text re-renders once it is in.
  const [mathReady, setMathReady] = useState(mathLoaded());
  // Typeset once near the screen (nearViewport.ts); until then the plain text stands in.
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  useEffect(() => {
    let live = true;
    if (!near) return;
    loadMarkdown().then((r) => {
      if (!live) return;
      setRender(() => r);
      if (!mathLoaded() && r.hasMath(text)) void loadMath().then(() => live && setMathReady(true));
    });
    return () => {
      live = false;
    };
  }, [text, near]);
  const html = useMemo(() => (render && near ? render(text, { attachments }) : null), [render, text, attachments, mathReady, near]);
  if (!near) return <div className="markdown deferred nb-content" ref={box}>{text}</div>;
  if (html === null) return <div className="markdown plain nb-content" ref={box}>{text}</div>;
  return <div className="markdown nb-content" ref={box} dangerouslySetInnerHTML={{ __html: html }} />;
});
