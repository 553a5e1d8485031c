using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Local.Commands;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Bench;

/// <summary>What the crash bench measured.</summary>
public sealed record CrashBenchResult(
    int Debtors,
    int Kills,
    int KillsWhileSending,
    int Runs,
    int EmailsAccepted,
    int Messages,
    int Duplicates,
    int StuckPending,
    int IntentsLeft,
    int QueuedLeft,
    int Poisoned,
    int MostEmulators,
    TimeSpan Elapsed);
