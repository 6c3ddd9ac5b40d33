/** The prerendered home page's script (islands.tsx): the banner of this browser's unfinished attempts. */
import { HomeResume } from './components/ResumeBanners';
import { hydrateAll, startIslands } from './islands';

startIslands();
hydrateAll('.client-slot', () => <HomeResume />);
