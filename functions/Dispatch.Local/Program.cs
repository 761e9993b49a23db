using Dispatch.Local.Hosting;
using Microsoft.Extensions.Options;

try
{
    LocalHost.Build(args).Run();
    return 0;
}
catch (OptionsValidationException e)
{
    // A setting the host must not start with (e.g. no signing key outside a demo): say which and how to fix it.
    await Console.Error.WriteLineAsync($"Dispatch did not start: {e.Message}");
    return 1;
}
