// The networks an organization belongs to or represents (« Réseau représenté »): declared once in @repere/contract.
export { NETWORKS, type Network } from '@repere/contract';
