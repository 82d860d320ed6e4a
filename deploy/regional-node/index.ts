// The regional-node Pulumi program: one stack per region (Pulumi.<region>.yaml beside this).
import { regionalNodeFromConfig } from '../src/stack-program';

regionalNodeFromConfig();
