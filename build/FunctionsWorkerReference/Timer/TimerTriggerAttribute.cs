// Mirrors Microsoft.Azure.Functions.Worker.TimerTriggerAttribute and TimerInfo
// (Azure/azure-functions-dotnet-worker: extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs,
// TimerInfo.cs).
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    public TimerTriggerAttribute(string schedule) => throw null!;
}

/// <summary>Bound as the timer function's input; the app reads none of its members (IsPastDue, ScheduleStatus).</summary>
public class TimerInfo
{
}
