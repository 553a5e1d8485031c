using Microsoft.Azure.Functions.Worker;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>A <see cref="FunctionContext"/> for invoking the app's functions and middleware without the host.</summary>
public sealed class TestFunctionContext(IServiceProvider services, string functionName = "Test") : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => functionName;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition { get; } = new TestFunctionDefinition(functionName);

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new TestInvocationFeatures();
}
