import { ChartFrame as Frame, type ChartFrameProps } from '../../ui/ChartFrame';

/** Growth's charts in the design system's ChartFrame, with Growth's series colours (growth.css). */
export function ChartFrame(props: Omit<ChartFrameProps, 'className'>) {
  return <Frame {...props} className="growth-chart" />;
}
