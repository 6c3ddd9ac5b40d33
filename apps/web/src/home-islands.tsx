/**
 * The prerendered home page's script (islands.tsx): the banner of this browser's unfinished
 * attempts, and the learner's recent results and review cards due.
 */
import { HomeResume } from './components/ResumeBanners';
import { hydrateAll, startIslands } from './islands';
import { HomeProgress } from './progress/HomeProgress';

startIslands();
hydrateAll('.client-slot', () => <HomeResume />);
hydrateAll('.progress-slot', () => <HomeProgress />);
