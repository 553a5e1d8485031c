// Not an SDK file: marks this assembly as compile-only. The runtime will not load a [ReferenceAssembly] for execution.
[assembly: System.Runtime.CompilerServices.ReferenceAssembly]
