// Mirrors the binding attribute bases of Microsoft.Azure.Functions.Worker.Extensions.Abstractions
// (Azure/azure-functions-dotnet-worker: extensions/Worker.Extensions.Abstractions/src/BindingAttribute.cs,
// TriggerBindingAttribute.cs). The trigger attributes derive from these.
namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

public abstract class BindingAttribute : Attribute
{
}

public abstract class InputBindingAttribute : BindingAttribute
{
}

public abstract class TriggerBindingAttribute : InputBindingAttribute
{
}
