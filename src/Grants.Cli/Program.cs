using Grants.Cli;
using Grants.Cli.Connection;

return await GrantsCli.Run(args, CliEnvironment.FromProcess());
