"""Starting and stopping a worker: start-up failures in one line, a shutdown that ends in time."""
