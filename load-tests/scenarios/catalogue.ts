import http from 'k6/http';
import { check } from 'k6';
import type { Options } from 'k6/options';
import { baseUrl, profile } from '../lib/config.ts';
import { thresholdsFor } from '../lib/thresholds.ts';

/**
 * Citizens browsing the catalogue before they apply: the list, a search, one service. Open
 * model (arrivals per second), because people do not wait for the node before arriving.
 */
const rate = profile === 'load' ? 200 : 5;
const duration = profile === 'load' ? '60s' : '10s';

export const options: Options = {
  scenarios: {
    browse: {
      executor: 'constant-arrival-rate',
      rate,
      timeUnit: '1s',
      duration,
      preAllocatedVUs: profile === 'load' ? 100 : 5,
      maxVUs: profile === 'load' ? 400 : 20,
    },
  },
  thresholds: thresholdsFor(['browse'], { p95: 300, p99: 800 }),
};

const searches = ['паспорт', 'школа', 'регистрация брака', 'пособие', 'транспорт'];

export default function browse() {
  const list = http.get(`${baseUrl}/api/catalogue/services?limit=20`, {
    tags: { name: 'services' },
  });
  check(list, { 'the list answers 200': (r) => r.status === 200 });
  const q = searches[Math.floor(Math.random() * searches.length)]!;
  const found = http.get(`${baseUrl}/api/catalogue/services?q=${encodeURIComponent(q)}`, {
    tags: { name: 'search' },
  });
  check(found, { 'the search answers 200': (r) => r.status === 200 });
  const one = http.get(`${baseUrl}/api/catalogue/services/school-enrolment`, {
    tags: { name: 'service' },
  });
  check(one, { 'a service answers 200': (r) => r.status === 200 });
}
