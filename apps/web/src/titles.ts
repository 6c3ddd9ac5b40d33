/**
 * Page titles, shared by the client (document.title) and the prerender (<title>, Open Graph), so
 * a hydrated page keeps the title it was served with.
 */
export const SITE_NAME = 'examdown';
export const HOME_TITLE = `${SITE_NAME} — certification exam guides and practice exams`;

export const titles = {
  exams: 'Certification exams',
  guides: 'Exam guides',
  exam: (examTitle: string) => `${examTitle}: blueprint and practice exam`,
  guide: (guideTitle: string) => guideTitle,
  notFound: 'Page not found',
  account: 'Your data',
};

/** The document title: the page's, then the site's name; the home page's own. */
export const documentTitle = (title: string | undefined): string =>
  title ? `${title} · ${SITE_NAME}` : HOME_TITLE;
