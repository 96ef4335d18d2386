import type { PointerEvent, Ref } from 'react';
import { placeLabels, ticksFor, type Span } from './strip-scale';
import type { ExposureBand, StripMarker } from './strip-markers';

const STRIP_HEIGHT = 150;
const LANE_Y = [14, 30, 46];
const AXIS_Y = 116;
const BAND_TOP = 62;
const BAND_HEIGHT = 26;
const TICK_TOP = 96;

interface StripSvgProps {
  width: number;
  view: Span;
  band: ExposureBand | null;
  markers: readonly StripMarker[];
  eventTimes: readonly number[];
  labelledBy: string;
  describedBy: string;
  svgRef: Ref<SVGSVGElement>;
  onPointerDown: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerUp: (event: PointerEvent<SVGSVGElement>) => void;
}

/** The strip itself: positions are SVG attributes, never style attributes (the CSP forbids those). */
export function StripSvg({
  width,
  view,
  band,
  markers,
  eventTimes,
  labelledBy,
  describedBy,
  svgRef,
  onPointerDown,
  onPointerMove,
  onPointerUp,
}: StripSvgProps) {
  const x = (at: number) => ((at - view.start) / (view.end - view.start)) * width;
  const inView = (at: number) => at >= view.start && at <= view.end;
  const shown = markers.filter((marker) => inView(marker.at));
  const places = placeLabels(
    shown.map((marker) => x(marker.at)),
    shown.map((marker) => marker.label),
    width,
    3,
    shown.map((marker) => marker.priority ?? 0),
  );
  const bandLeft = band === null ? 0 : Math.max(0, x(band.start));
  const bandRight = band === null ? 0 : Math.min(width, x(band.end));

  return (
    <svg
      ref={svgRef}
      className="strip__svg"
      width={width}
      height={STRIP_HEIGHT}
      viewBox={`0 0 ${width} ${STRIP_HEIGHT}`}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <rect className="strip__plot" x={0} y={BAND_TOP - 6} width={width} height={AXIS_Y - BAND_TOP + 6} />
      {band !== null && bandRight > bandLeft && (
        <g>
          <rect
            className="strip__band"
            x={bandLeft}
            y={BAND_TOP}
            width={bandRight - bandLeft}
            height={BAND_HEIGHT}
            rx={3}
          />
          {bandRight - bandLeft > 120 && (
            <text className="strip__band-label" x={bandLeft + 8} y={BAND_TOP + 17}>
              Exposure window
            </text>
          )}
        </g>
      )}
      <g className="strip__events">
        {eventTimes.filter(inView).map((at, index) => (
          <line key={index} x1={x(at)} x2={x(at)} y1={TICK_TOP} y2={AXIS_Y - 2} />
        ))}
      </g>
      <line className="strip__axis" x1={0} x2={width} y1={AXIS_Y} y2={AXIS_Y} />
      {ticksFor(view, width).map((tick) => (
        <g key={tick.at} className="strip__tick">
          <line x1={x(tick.at)} x2={x(tick.at)} y1={AXIS_Y} y2={AXIS_Y + 5} />
          <text
            x={x(tick.at)}
            y={AXIS_Y + 20}
            textAnchor={x(tick.at) < 32 ? 'start' : x(tick.at) > width - 32 ? 'end' : 'middle'}
          >
            {tick.label}
          </text>
        </g>
      ))}
      {shown.map((marker, index) => {
        const place = places[index] ?? { lane: 0, anchor: 'start', visible: true };
        const mx = x(marker.at);
        const labelY = LANE_Y[place.lane] ?? 14;
        return (
          <g key={marker.id} className={`strip__marker strip__marker--${marker.tone}`}>
            <title>{`${marker.label}: ${marker.when}`}</title>
            <line x1={mx} x2={mx} y1={labelY + 4} y2={AXIS_Y} />
            <circle cx={mx} cy={AXIS_Y} r={3.5} />
            {place.visible && (
              <text x={place.anchor === 'start' ? mx + 4 : mx - 4} y={labelY} textAnchor={place.anchor}>
                {marker.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
