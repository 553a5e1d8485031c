// Mirrors Microsoft.Azure.Functions.Worker.HttpTriggerAttribute and AuthorizationLevel
// (Azure/azure-functions-dotnet-worker: extensions/Worker.Extensions.Http/src/HttpTriggerAttribute.cs,
// extensions/Worker.Extensions.Http/src/AuthorizationLevel.cs).
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

public enum AuthorizationLevel
{
    Anonymous,
    User,
    Function,
    System,
    Admin,
}

public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) => throw null!;

    public string? Route { get; set; }
}
