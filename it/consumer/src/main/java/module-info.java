/** A consumer of the library on the module path: only the exported packages are reachable. */
module dev.realtimesessions.consumer {
    requires dev.realtimesessions;
    requires dev.realtimesessions.local;
    requires dev.realtimesessions.adapter;
}
