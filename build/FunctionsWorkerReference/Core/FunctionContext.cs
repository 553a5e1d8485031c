// Mirrors Microsoft.Azure.Functions.Worker.FunctionContext and FunctionDefinition
// (Azure/azure-functions-dotnet-worker: src/DotNetWorker.Core/Context/FunctionContext.cs,
// src/DotNetWorker.Core/Definition/FunctionDefinition.cs). Only the members the app uses.
namespace Microsoft.Azure.Functions.Worker;

public abstract class FunctionContext
{
    public abstract string InvocationId { get; }

    public abstract FunctionDefinition FunctionDefinition { get; }
}

public abstract class FunctionDefinition
{
    public abstract string Name { get; }
}
