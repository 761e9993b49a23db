// Preloaded (node -r) into the local test services (web-push-testing): a server asked to listen on a bare port
// listens on 127.0.0.1 only, as every test service must.
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number') {
    return listen.call(this, args[0], '127.0.0.1', args.find(a => typeof a === 'function'));
  }
  return listen.apply(this, args);
};
