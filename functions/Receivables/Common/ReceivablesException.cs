namespace Receivables.Common;

/// <summary>An error a user can act on: bad input or configuration. Its message names the file, line or setting.</summary>
public class ReceivablesException(string message, Exception? inner = null) : Exception(message, inner);
