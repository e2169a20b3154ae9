/** The cookie that carries the session token, read by HTTP requests and socket handshakes alike. */
export const SESSION_COOKIE = "sid";
