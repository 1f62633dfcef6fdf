/** The next frame, or 100 ms where frames are not drawn (a hidden tab), so work split over frames still ends. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      resolve();
    });
  });
}
