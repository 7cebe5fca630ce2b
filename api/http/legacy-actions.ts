// Action URLs before the vocabulary was unified: mediation wrote the verbs in
// kebab-case (`accept-case`), reporting used nouns (`scores`). They are
// rewritten to today's camelCase verbs and answered with a `Deprecation`
// header, so clients built against them keep working while they move; the
// OpenAPI document lists only the verbs.
import type { RequestHandler } from 'express';

export const LEGACY_REPORTING_ACTIONS: Record<string, string> = {
  report: 'submitReport',
  scores: 'scoreUpward',
  questions: 'askQuestion',
  answers: 'answerQuestion',
  'close-upward': 'closeUpward',
  downward: 'recordDownward',
  vote: 'castVote',
  objections: 'raiseObjection',
  'objection-answers': 'answerObjection',
  rectification: 'submitRectification',
  'rectification-review': 'reviewRectification',
};

const PATTERN = /^\/api\/(mediation-cases|reporting)\/([^/]+)\/actions\/([^/?]+)(\?.*)?$/;

function canonical(area: string, action: string): string | null {
  if (area === 'reporting') return LEGACY_REPORTING_ACTIONS[action] ?? null;
  return action.includes('-') ? action.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : null;
}

export const legacyActionPaths: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  const m = PATTERN.exec(req.url);
  const name = m ? canonical(m[1], m[3]) : null;
  if (m && name) {
    req.url = `/api/${m[1]}/${m[2]}/actions/${name}${m[4] ?? ''}`;
    res.set('Deprecation', 'true');
    res.set('Link', `<${req.url}>; rel="successor-version"`);
  }
  next();
};
