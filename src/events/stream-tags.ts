/** The tags a socket is filed under, so the streams of one user or one login session can be closed. */
export const streamTags = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
};
