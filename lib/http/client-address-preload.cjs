// `node --require` this into `next start`: every request's X-Forwarded-For names the client TRUSTED_PROXIES allows.
require("./client-address.cjs").install(process.env.TRUSTED_PROXIES);
