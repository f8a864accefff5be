// The RAG prompt: the question and the top passages, numbered, with an
// instruction to answer from them only — what the course hands its LLM.

export interface PromptPassage {
  id: string;
  text: string;
}

export function ragPrompt(question: string, passages: readonly PromptPassage[], instruction: string): string {
  const context = passages.map((p, i) => `[${i + 1}] (${p.id}) ${p.text}`).join('\n\n');
  return `${instruction.trim()}\n\n### Passages\n${context}\n\n### Question\n${question.trim()}\n\n### Answer\n`;
}
