// The year filter of the lists, results and reports: a number box that says
// what it holds ("2027 年度"); a bare "2027" in a box read as anything.
import { InputNumber } from 'antd';

export function YearInput({ value, onChange, placeholder }: { value: number | null; onChange: (year: number | null) => void; /** Shown when empty, where empty means every year. */ placeholder?: string }) {
  return <InputNumber aria-label="年度" addonAfter="年度" placeholder={placeholder} min={2000} max={2100} precision={0} value={value} onChange={onChange} style={{ width: 140 }} />;
}
