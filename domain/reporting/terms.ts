// The words of 民主评议 and of the yearly rating: ballot choices and grades.
// A leaf that rules, vote and rating all stand on, so none imports another's terms.

export const VOTE_CHOICES = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const RATING_GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];

export const RATING_LABELS: Record<RatingGrade, string> = {
  excellent: '优秀',
  competent: '称职',
  basically_competent: '基本称职',
  incompetent: '不称职',
};
