import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth's own endpoints: sign-in verifies the password (authenticate) and CSRF token itself.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
