using Microsoft.Azure.Functions.Worker;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>The trigger's binding data as the host passes it to the worker (for a JSON queue message: its top-level properties).</summary>
public sealed class TestBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData => data;
}
