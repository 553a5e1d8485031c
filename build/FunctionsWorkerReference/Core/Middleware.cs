// Mirrors FunctionExecutionDelegate, IFunctionsWorkerMiddleware and IFunctionsWorkerApplicationBuilder
// (Azure/azure-functions-dotnet-worker: src/DotNetWorker.Core/Pipeline/FunctionExecutionDelegate.cs,
// src/DotNetWorker.Core/Middleware/IFunctionsWorkerMiddleware.cs,
// src/DotNetWorker.Core/Hosting/IFunctionsWorkerApplicationBuilder.cs).
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker
{
    public delegate Task FunctionExecutionDelegate(FunctionContext context);

    public interface IFunctionsWorkerApplicationBuilder
    {
        IServiceCollection Services { get; }

        IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware);
    }
}

namespace Microsoft.Azure.Functions.Worker.Middleware
{
    public interface IFunctionsWorkerMiddleware
    {
        Task Invoke(FunctionContext context, FunctionExecutionDelegate next);
    }
}
