// A phone's width: narrower than antd's md breakpoint (768 px). Lists show
// a record as one stacked cell there instead of a row of columns that
// squeezes its title and scrolls sideways.
import { Grid } from 'antd';

export function useNarrow(): boolean {
  return Grid.useBreakpoint().md === false;
}
