// Verdaccio in a process of its own, on a free loopback port: argv[2] is its config file. Prints
// the port, and serves until the parent disconnects.
import { runServer } from 'verdaccio';

const server = await runServer(process.argv[2]);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('disconnect', () => process.exit(0));
