// The 人民调解协议书 as an HTML document (人民调解法 §29: the agreement states
// the parties, the dispute, the agreed terms and how and when they are
// performed, signed by the parties and the mediator, sealed by the committee).
// Pure: the queue job fetches the data and stores what this returns.
import { formatYuan } from './triage';
import { DISPUTE_TYPE_LABELS, LEVEL_LABELS, PARTY_ROLE_LABELS, type DisputeType, type MediationLevel, type PartyRole } from './types';

export interface AgreementDocumentData {
  caseNo: string;
  title: string;
  disputeType: DisputeType;
  level: MediationLevel;
  committeeName: string;
  mediatorName: string;
  parties: Array<{ role: PartyRole; name: string; idNumber: string | null; address: string | null }>;
  facts: string;
  terms: string;
  performance: string;
  amountFen: number | null;
  performBy: string | null;
  /** "YYYY-MM-DD", the day the agreement takes effect. */
  effectiveDate: string;
  confirmationDeadlineDate: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const paragraphs = (s: string) =>
  s
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => `<p>${escape(l)}</p>`)
    .join('\n');

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function renderAgreementDocument(d: AgreementDocumentData): string {
  const parties = d.parties
    .map(
      (p) =>
        `<p>${PARTY_ROLE_LABELS[p.role]}:${escape(p.name)}${p.idNumber ? `,身份证号码:${escape(p.idNumber)}` : ''}${p.address ? `,住址:${escape(p.address)}` : ''}</p>`,
    )
    .join('\n');
  const signatures = d.parties.map((p) => `<p>${PARTY_ROLE_LABELS[p.role]}(签名):${escape(p.name)}</p>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>人民调解协议书 ${escape(d.caseNo)}</title>
<style>body{font-family:"SimSun","Songti SC",serif;max-width:46em;margin:2em auto;line-height:1.8}h1{text-align:center;letter-spacing:.3em}.no{text-align:right}.sign{margin-top:3em}</style>
</head>
<body>
<h1>人民调解协议书</h1>
<p class="no">${escape(d.caseNo)}</p>
${parties}
<h2>纠纷简要情况</h2>
<p>纠纷类型:${DISPUTE_TYPE_LABELS[d.disputeType]}。${escape(d.title)}</p>
${paragraphs(d.facts)}
<p>经${escape(d.committeeName)}(${LEVEL_LABELS[d.level]}级)调解,当事人自愿达成如下协议:</p>
<h2>协议内容</h2>
${paragraphs(d.terms)}
${d.amountFen !== null ? `<p>涉及金额:人民币${formatYuan(d.amountFen)}元。</p>` : ''}
<h2>履行方式和期限</h2>
${paragraphs(d.performance)}
${d.performBy ? `<p>履行期限:${chineseDate(d.performBy)}前履行完毕。</p>` : ''}
<p>本协议自各方当事人签名、调解员签名并加盖人民调解委员会印章之日起生效。经人民调解委员会调解达成的调解协议,具有法律约束力,当事人应当按照约定履行。</p>
<p>双方当事人可以自本协议生效之日起三十日内(即${chineseDate(d.confirmationDeadlineDate)}前)共同向人民法院申请司法确认。</p>
<p>本协议一式三份,当事人各执一份,人民调解委员会留存一份。</p>
<div class="sign">
${signatures}
<p>人民调解员(签名):${escape(d.mediatorName)}</p>
<p>${escape(d.committeeName)}(盖章)</p>
<p>${chineseDate(d.effectiveDate)}</p>
</div>
</body>
</html>
`;
}
