/**
 * Browser entry: hydrates the prerendered reader (see
 * `build/editions-plugin.ts`, which also arranges for this module to run
 * only after the prerendered text has painted), or renders it if the page
 * came without prerendered markup (e.g. a dev server whose prerender failed).
 */
import { createRoot, hydrateRoot } from 'react-dom/client';
import packedEditions from 'virtual:diptych-editions';
import { unpackEditions } from './data/packed-editions.ts';
import { Root } from './root.tsx';
import './styles.css';
import './selection/selection.css';
import './annotations/annotations.css';
import './citations/citations.css';
import './sync-panel/sync-panel.css';
import './library/library.css';

const editions = unpackEditions(packedEditions);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The first paint is over: end its containment (PRERENDERED_ATTRIBUTE in build/editions-plugin.ts)
// before hydrating, so that effects which measure or scroll (deep links, pane sync) see real heights.
document.documentElement.removeAttribute('data-prerendered');
if (container.firstElementChild) hydrateRoot(container, <Root editions={editions} />);
else createRoot(container).render(<Root editions={editions} />);
