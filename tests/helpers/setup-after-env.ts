import '@testing-library/jest-dom';

// Outside a Next request there is no cache to revalidate; actions still call it.
jest.mock('next/cache', () => ({
  revalidatePath: jest.fn(),
  revalidateTag: jest.fn(),
  updateTag: jest.fn(),
  refresh: jest.fn(),
}));

// No request scope in tests: an empty cookie jar and no headers, as for a first visit.
jest.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers(),
}));
