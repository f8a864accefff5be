// What the pipeline cell says, in English and Korean: the engine keeps the
// English (saved notebooks, the headless runner) and puts the Korean beside
// it in the markdown output, which the UI shows in Korean (MarkdownOutput.ko).
import { markdownCode, markdownLiteral } from '../notebook/outputText.ts';
import type { PipelineStepId } from '../lifecycle/pipelineGraph.ts';

export interface Bilingual {
  en: string;
  ko: string;
}

const STEP_KO: Record<PipelineStepId, string> = { preprocess: '전처리', train: '학습', evaluate: '평가', condition: '조건', register: '등록', fail: '실패' };

/** "registered <name> version N" with the condition that let it through (in each language: describeCondition, metricLabelKo). */
export function registeredText(name: string, version: number, stage: string, condition: Bilingual): Bilingual {
  const n = markdownLiteral(name);
  return {
    en: `**Registered "${n}" version ${version}** (stage ${stage}): the condition ${condition.en} holds.`,
    ko: `**"${n}" 버전 ${version}을(를) 등록했어요** (단계 ${stage}): 조건 ${condition.ko}을(를) 만족해요.`,
  };
}

/** "not registered: MSE 5.3 > 4.0". */
export function refusedText(condition: Bilingual): Bilingual {
  return {
    en: `**Not registered: ${condition.en}.** The condition does not hold, so the pipeline took the fail branch; the model stays out of the registry.`,
    ko: `**등록하지 않음: ${condition.ko}.** 조건을 만족하지 않아 파이프라인이 실패 분기로 갔어요. 모델은 레지스트리에 들어가지 않았어요.`,
  };
}

/** A step that threw: the steps after it did not run. */
export function stoppedText(step: PipelineStepId, message: string): Bilingual {
  const m = markdownLiteral(message);
  return {
    en: `**The pipeline stopped at the ${step} step:** ${m} The steps after it were skipped and nothing was registered.`,
    ko: `**파이프라인이 ${STEP_KO[step]} 단계에서 멈췄어요:** ${m} 그 뒤의 단계는 건너뛰었고 아무것도 등록하지 않았어요.`,
  };
}

/** The line under the verdict: which run tracked it. */
export function trackedText(runId: string | undefined): Bilingual {
  if (!runId) return { en: 'This host keeps no run store, so the run was not tracked.', ko: '이 환경에는 실행 기록 저장소가 없어 이 실행은 기록되지 않았어요.' };
  return { en: `Tracked as run ${markdownCode(runId)} (kind pipeline): compare it with other runs in the runs panel.`, ko: `실행 ${markdownCode(runId)}(종류 pipeline)로 기록했어요. 실행 기록 패널에서 다른 실행과 비교하세요.` };
}

export const GRAPH_ALT: Bilingual = { en: 'Pipeline graph: each step and its status', ko: '파이프라인 그래프: 각 단계와 그 상태' };

/** Above the steps table (its columns are data: step ids and statuses as the run record stores them). */
export const STEPS_HEADING: Bilingual = { en: 'Each step: status, time (ms) and key outputs.', ko: '단계별 상태, 걸린 시간(ms), 주요 결과.' };
