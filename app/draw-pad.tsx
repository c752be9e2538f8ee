"use client";

import { useEffect, useRef, useState } from "react";

type Point = { x: number; y: number; w: number };
type Stroke = Point[];

const SIZE = 280;

type DrawPadProps = {
  onSubmit: (png: Blob) => void;
  onDrawing?: (png: Blob | null) => void;
  busy: boolean;
  /** The canvas in its own pixels: a square for one character, a wide strip for a field. */
  width?: number;
  height?: number;
  hint?: string;
  label?: string;
  testId?: string;
  submitLabel?: string;
};

/** A canvas for a finger, a mouse or a pen: strokes can be undone one by one or cleared. */
export function DrawPad({
  onSubmit,
  onDrawing,
  busy,
  width = SIZE,
  height = SIZE,
  hint = "Draw one character here",
  label = "Drawing area: write one character",
  testId = "draw-pad",
  submitLabel = "Recognise drawing",
}: DrawPadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const current = useRef<Stroke | null>(null);
  const [inking, setInking] = useState(false);
  // Set once React has attached the pointer handlers (before that, strokes would be lost).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const redraw = (all: Stroke[]) => {
    const ctx = canvas.current?.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111827";
    for (const stroke of all) {
      for (let i = 0; i < stroke.length; i++) {
        const a = stroke[Math.max(0, i - 1)];
        const b = stroke[i];
        ctx.lineWidth = b.w;
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x + (i === 0 ? 0.01 : 0), b.y);
        ctx.stroke();
      }
    }
  };

  useEffect(() => {
    redraw(strokes);
    // The drawing as it stands after each stroke (null when empty), for the live reading.
    if (!onDrawing) return;
    if (!strokes.length) return onDrawing(null);
    canvas.current?.toBlob((blob) => onDrawing(blob), "image/png");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [strokes]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    const pressure = e.pointerType === "pen" && e.pressure > 0 ? e.pressure : 0.5;
    return { x: ((e.clientX - rect.left) / rect.width) * width, y: ((e.clientY - rect.top) / rect.height) * height, w: 8 + pressure * 14 };
  };

  const undo = () => setStrokes((s) => s.slice(0, -1));
  const clear = () => setStrokes([]);
  const submit = () => canvas.current?.toBlob((blob) => blob && onSubmit(blob), "image/png");

  return (
    <div className="flex flex-col items-center gap-3">
      <div className="relative w-full" style={{ maxWidth: width }}>
      <canvas
        ref={canvas}
        width={width}
        height={height}
        aria-label={label}
        data-testid={testId}
        data-ready={ready}
        style={{ aspectRatio: `${width} / ${height}`, maxWidth: width }}
        className="w-full touch-none rounded-lg border-2 border-dashed border-slate-300 bg-[#fff]"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          current.current = [point(e)];
          setInking(true);
          redraw([...strokes, current.current]);
        }}
        onPointerMove={(e) => {
          if (!current.current) return;
          current.current.push(point(e));
          redraw([...strokes, current.current]);
        }}
        onPointerUp={() => {
          const stroke = current.current; // the updater runs later, after the ref is cleared
          current.current = null;
          setInking(false);
          if (stroke) setStrokes((s) => [...s, stroke]);
        }}
        onPointerCancel={() => {
          current.current = null;
          setInking(false);
          redraw(strokes);
        }}
      />
      {!strokes.length && !inking && (
        <span aria-hidden="true" className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-[#475569]" data-testid="draw-hint">
          {hint}
        </span>
      )}
      </div>
      <div className="flex gap-2">
        <button type="button" className="btn" onClick={undo} disabled={!strokes.length}>
          Undo
        </button>
        <button type="button" className="btn" onClick={clear} disabled={!strokes.length}>
          Clear
        </button>
        <button type="button" className="btn btn-primary" onClick={submit} disabled={!strokes.length || busy}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
