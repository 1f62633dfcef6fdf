/** Starts the browser: the view state from the URL, the drawing, the vocabulary, the features, then the first load. */
import './styles.css';
import { App } from './app';
import { initDetails } from './features/details';
import { initEdit } from './features/edit';
import { initExport } from './features/export';
import { initFilters } from './features/filters';
import { initAsOfBanner } from './features/history/banner';
import { initLegend } from './features/legend';
import { initReport } from './features/report';
import { initSearch } from './features/search';
import { initTimeline } from './features/timeline';
import { initCy } from './graph/cy';
import { bindInteractions } from './graph/interactions';
import { ModeViews } from './modes/views';
import { ViewStore } from './state/store';
import { announce, byId } from './ui/dom';
import { initKeyboard } from './ui/keyboard';
import { initModes } from './ui/modes';
import { loadVocabulary } from './vocabulary';

const store = new ViewStore();
initCy(byId('cy'));
bindInteractions(store);
const app = new App(store);
app.setViews(new ModeViews(app));
initModes(app);
initKeyboard(app);
// The panels list the server's vocabulary and episodes, so they are built once those are here.
void loadVocabulary().then(() => {
  initSearch(app);
  initFilters(app);
  initLegend();
  initTimeline(app);
  initDetails(app);
  initExport(app);
  initEdit(app);
  initReport(app);
  initAsOfBanner();
  if (store.ignored.length) announce(`Some parts of the link were not understood and were left out: ${store.ignored.join(', ')}.`);
  requestAnimationFrame(() => void app.start());
});
