resource "aws_elasticache_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.private[*].id
}

# Two nodes, one per zone: a primary and a replica that takes over on failure.
resource "aws_elasticache_replication_group" "main" {
  replication_group_id = local.name
  description          = "Karina: waiting room, login throttle, session invalidation"

  engine               = "redis"
  engine_version       = "7.1"
  parameter_group_name = "default.redis7"
  node_type            = var.redis_node_type
  port                 = 6379

  num_cache_clusters          = 2
  preferred_cache_cluster_azs = local.azs
  automatic_failover_enabled  = true
  multi_az_enabled            = true

  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = [aws_security_group.redis.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token

  snapshot_retention_limit = 3
  snapshot_window          = "17:00-18:00"
  maintenance_window       = "sun:20:30-sun:21:30"
  apply_immediately        = false
}

# The URL the pods need (rediss: TLS), kept in Secrets Manager for the Kubernetes Secret
# karina-redis (key url); the token itself comes from the redis_auth_token variable.
resource "aws_secretsmanager_secret" "redis" {
  name        = "${local.name}/redis"
  description = "KARINA_REDIS_URL for the ${local.name} pods"
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id = aws_secretsmanager_secret.redis.id
  secret_string = jsonencode({
    url = "rediss://:${var.redis_auth_token}@${aws_elasticache_replication_group.main.primary_endpoint_address}:6379"
  })
}
