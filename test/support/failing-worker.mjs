// A worker that fails as it starts, for the pool's test of giving up.
throw new Error("this worker cannot start");
