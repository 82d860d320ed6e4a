// The policy pack, as the Pulumi CLI runs it:
//   pulumi preview --policy-pack deploy/policy --policy-pack-config deploy/policy/<region>.json
import { PolicyPack } from '@pulumi/policy';
import { oknoPolicies } from './policies';

new PolicyPack('okno', { policies: oknoPolicies });
