// Mirrors Microsoft.Azure.Functions.Worker.FunctionAttribute
// (Azure/azure-functions-dotnet-worker: extensions/Worker.Extensions.Abstractions/src/FunctionAttribute.cs).
namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute : Attribute
{
    public FunctionAttribute(string name) => throw null!;

    public string Name => throw null!;
}
