-- One vocabulary: every inbox task names its action as the camelCase verb
-- that the URL, the workflow update and the timeline use. Reporting tasks
-- opened before this release still carry the old nouns; rename them so the
-- inbox of running reports matches what the API accepts.
UPDATE "HumanTask" SET "action" = CASE "action"
  WHEN 'report' THEN 'submitReport'
  WHEN 'scores' THEN 'scoreUpward'
  WHEN 'questions' THEN 'askQuestion'
  WHEN 'answers' THEN 'answerQuestion'
  WHEN 'close-upward' THEN 'closeUpward'
  WHEN 'downward' THEN 'recordDownward'
  WHEN 'vote' THEN 'castVote'
  WHEN 'objections' THEN 'raiseObjection'
  WHEN 'objection-answers' THEN 'answerObjection'
  WHEN 'rectification' THEN 'submitRectification'
  WHEN 'rectification-review' THEN 'reviewRectification'
  ELSE "action" END
WHERE "process" = 'reporting';
