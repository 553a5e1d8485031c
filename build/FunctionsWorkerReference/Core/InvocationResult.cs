// Mirrors Microsoft.Azure.Functions.Worker.InvocationResult and FunctionContextBindingFeatureExtensions.GetInvocationResult
// (Azure/azure-functions-dotnet-worker: src/DotNetWorker.Core/Context/Features/InvocationResult.cs,
// src/DotNetWorker.Core/Context/FunctionContextBindingFeatureExtensions.cs).
namespace Microsoft.Azure.Functions.Worker;

public abstract class InvocationResult<T>
{
    public abstract T? Value { get; set; }
}

public abstract class InvocationResult : InvocationResult<object>
{
}

public static class FunctionContextBindingFeatureExtensions
{
    public static InvocationResult GetInvocationResult(this FunctionContext context) => throw null!;
}
