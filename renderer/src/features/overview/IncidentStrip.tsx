import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import type { Facts } from '../../../../shared/domain/facts';
import { Button } from '../../components/Button';
import { formatInstant } from '../../lib/time';
import { clamped, fitSpan, zoomed, type Span } from './strip-scale';
import { exposureBand, factMarkers, type StripMarker } from './strip-markers';
import { StripSvg } from './StripSvg';
import { useWidth } from './useWidth';
import { formatCount } from '../../../../shared/text/count';

interface IncidentStripProps {
  facts: Facts;
  /** Event instants (UTC ms), drawn as ticks. */
  eventTimes: readonly number[];
  /** Moments beyond the facts' key dates, such as notice deadlines (none until obligations exist). */
  markers: readonly StripMarker[];
}

/** "2020-03-27 – 2020-11-29" for spans of days and more; clock times (with zone) when zoomed in closer. */
function rangeText(view: Span): string {
  const [start, end] = [view.start, view.end].map((at) => formatInstant(new Date(at).toISOString()));
  if (view.end - view.start < 3 * 86_400_000 || start === undefined || end === undefined)
    return `${start ?? ''} – ${end ?? ''}`;
  return `${start.slice(0, 10)} – ${end.slice(0, 10)}`;
}

/**
 * The incident at a glance: the exposure window as a band, discovery, containment and awareness
 * as labelled markers, the events as ticks. Zoom with the buttons or Ctrl+wheel; pan by dragging
 * or with the slider. A text version of the same content is kept for assistive technology.
 */
export function IncidentStrip({ facts, eventTimes, markers }: IncidentStripProps) {
  const { ref: frame, width } = useWidth<HTMLDivElement>(800);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; view: Span } | null>(null);
  const [chosen, setChosen] = useState<Span | null>(null);
  const titleId = useId();
  const listId = useId();

  const all = [...factMarkers(facts), ...markers].sort((a, b) => a.at - b.at);
  const band = exposureBand(facts);
  const keyTimes = [...all.map((marker) => marker.at), ...(band === null ? [] : [band.start, band.end])];
  const full = fitSpan(keyTimes.length > 0 ? keyTimes : eventTimes);
  const view = full === null ? null : chosen === null ? full : clamped(chosen, full);

  useEffect(() => {
    const element = svg.current;
    if (element === null || full === null || view === null) return;
    function onWheel(event: WheelEvent): void {
      if (!event.ctrlKey || full === null || view === null) return;
      event.preventDefault();
      const anchor = view.start + (event.offsetX / width) * (view.end - view.start);
      setChosen(zoomed(view, full, event.deltaY > 0 ? 1.25 : 0.8, anchor));
    }
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [full, view, width]);

  if (full === null || view === null) {
    return (
      <p className="empty">
        Record when the incident was discovered, when the organisation became aware of it, when it was
        contained and the exposure window (in Facts) to see them here on one strip, with the events.
      </p>
    );
  }
  const span = view.end - view.start;
  const fullWidth = full.end - full.start;
  const atFit = span >= fullWidth - 1;
  const panValue = atFit ? 0 : Math.round(((view.start - full.start) / (fullWidth - span)) * 1000);
  const outside = eventTimes.filter((at) => at < view.start || at > view.end).length;

  function onPointerDown(event: PointerEvent<SVGSVGElement>): void {
    if (atFit || view === null) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, view };
  }
  function onPointerMove(event: PointerEvent<SVGSVGElement>): void {
    const start = drag.current;
    if (start === null || full === null) return;
    const shift = ((start.x - event.clientX) / width) * span;
    setChosen(clamped({ start: start.view.start + shift, end: start.view.end + shift }, full));
  }
  function onPointerUp(): void {
    drag.current = null;
  }
  function pan(value: number): void {
    if (full === null) return;
    const start = full.start + (value / 1000) * (fullWidth - span);
    setChosen({ start, end: start + span });
  }

  return (
    <figure className="strip">
      <figcaption className="strip__caption" id={titleId}>
        Incident strip: exposure window, discovery, containment and awareness, with the timeline events as
        ticks
      </figcaption>
      <div className="strip__controls">
        <Button small onClick={() => setChosen(zoomed(view, full, 0.5))} disabled={span <= 2 * 3_600_000}>
          Zoom in
        </Button>
        <Button small onClick={() => setChosen(zoomed(view, full, 2))} disabled={atFit}>
          Zoom out
        </Button>
        <Button small onClick={() => setChosen(null)} disabled={atFit}>
          Fit
        </Button>
        <label className="strip__pan">
          <span>Pan</span>
          <input
            type="range"
            min={0}
            max={1000}
            step={1}
            value={panValue}
            disabled={atFit}
            aria-valuetext={rangeText(view)}
            onChange={(event) => pan(Number(event.target.value))}
          />
        </label>
        <p className="strip__range num">Showing {rangeText(view)}</p>
      </div>
      <div className={atFit ? 'strip__frame' : 'strip__frame strip__frame--pannable'} ref={frame}>
        <StripSvg
          width={width}
          view={view}
          band={band}
          markers={all}
          eventTimes={eventTimes}
          labelledBy={titleId}
          describedBy={listId}
          svgRef={svg}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
        />
      </div>
      <p className="strip__note muted small">
        Ctrl+wheel zooms around the pointer; drag to pan when zoomed in.
        {outside > 0 &&
          ` ${formatCount(outside)} ${outside === 1 ? 'event lies' : 'events lie'} outside the range shown.`}
      </p>
      <ul className="offscreen" id={listId}>
        {band !== null && <li>Exposure window: {band.text}</li>}
        {all.map((marker) => (
          <li key={marker.id}>
            {marker.label}: {marker.when}
          </li>
        ))}
        <li>Timeline events shown as ticks: {formatCount(eventTimes.length)}</li>
      </ul>
    </figure>
  );
}
